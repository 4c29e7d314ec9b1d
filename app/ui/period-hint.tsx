import { useMemo } from "react";
import { DOC_TYPE_LABELS } from "~/features/consultations";
import { formatDateTime } from "~/platform/dates";
import { earliestEnd, MINIMUM_PERIODS, type DocumentType } from "~/platform/periods";

/** "30 日", "7 个工作日": 个 belongs to 工作日 only. */
export function periodUnitText(min: { days: number; unit: "calendar" | "working" }): string {
  return min.unit === "working" ? `${min.days} 个工作日` : `${min.days} 日`;
}

/** The statutory minimum for the chosen type, and the earliest allowed end for the chosen start. */
export function PeriodHint({
  docType,
  opensAt,
  calendar,
  id,
}: {
  docType: string;
  opensAt: string;
  calendar: { holidays: string[]; workdays: string[] };
  id: string;
}) {
  const cal = useMemo(() => ({ holidays: new Set(calendar.holidays), workdays: new Set(calendar.workdays) }), [calendar]);
  if (!(docType in MINIMUM_PERIODS)) return null;
  const type = docType as DocumentType;
  const min = MINIMUM_PERIODS[type];
  const start = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(opensAt) ? new Date(`${opensAt.slice(0, 16)}:00+08:00`) : null;
  return (
    <p className="hint" id={id} aria-live="polite">
      {DOC_TYPE_LABELS[type]}的法定最短征求意见期为 {periodUnitText(min)}
      {start && !Number.isNaN(start.getTime()) ? `，按所填开始时间，最早可于 ${formatDateTime(earliestEnd(type, start, cal))} 截止` : ""}
      。开始时间不早于发布时间：审核通过时开始时间已过的，以通过之时为实际开始时间，并重新计算最短期限。短于该期限须填写理由，理由将向社会公开。
    </p>
  );
}
