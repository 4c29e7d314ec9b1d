import { formatDateTime } from "~/platform/dates";

// Plain links, not <Link>: each is a file download from a resource route, never a page change.
const PACKET_FILES = [
  { format: "docx", label: "合法性审查材料（Word 文档，.docx）" },
  { format: "pdf", label: "合法性审查材料（PDF）" },
  { format: "xlsx", label: "意见登记表（Excel 表格，.xlsx）" },
  { format: "csv", label: "意见登记表（CSV，UTF-8）" },
  { format: "zip", label: "意见附件（ZIP 压缩包，按登记表序号分文件夹，附附件清单）" },
] as const;

export interface BuildView {
  status: "building" | "ready" | "failed";
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  pdfError: string | null;
  error: string | null;
}

/** Where the packet's files are: being generated (the page refreshes itself), ready, or failed. */
function BuildState({ consultationId, build }: { consultationId: number; build: BuildView }) {
  if (build.status === "building") {
    return (
      <div className="alert" role="status">
        <p>材料正在生成（开始于 {formatDateTime(build.startedAt)}），生成期间不影响其他工作。生成完成后下载链接将出现在下方，也可以点击“立即刷新”查看。</p>
        <p>
          <a href={`/admin/consultations/${consultationId}/packet`}>立即刷新</a>
        </p>
      </div>
    );
  }
  if (build.status === "failed") return <p className="alert warning">{build.error}</p>;
  return (
    <p className="meta">
      材料已于 {formatDateTime(build.finishedAt ?? build.startedAt)} 生成
      {build.durationMs !== null ? `（用时 ${(build.durationMs / 1000).toFixed(1)} 秒）` : ""}；意见或处理情况变化后将重新生成。
    </p>
  );
}

export function Downloads({
  consultationId,
  counts,
  summaryNote,
  publicRegister,
  build,
}: {
  consultationId: number;
  counts: { internal: number; public: number };
  summaryNote: string;
  publicRegister: boolean;
  build: BuildView;
}) {
  return (
    <>
      <section aria-labelledby="files-title">
        <h2 id="files-title">下载材料（内部资料）</h2>
        <p>
          材料包括意见采纳情况说明（{summaryNote}）、送审稿、起草说明、修改对照表、意见统计、意见审核记录、按条款的登记表索引和全部 {counts.internal}{" "}
          条意见的登记表。 登记表载有意见原文和提出人信息，仅供合法性审查使用，请勿对外提供。
        </p>
        <BuildState consultationId={consultationId} build={build} />
        <ul className="download-list">
          {PACKET_FILES.map((f) => {
            const stored = f.format === "docx" || f.format === "pdf";
            if (stored && build.status !== "ready")
              return (
                <li key={f.format}>
                  {f.label}：{build.status === "building" ? "正在生成" : "生成失败"}
                </li>
              );
            if (f.format === "pdf" && build.pdfError)
              return (
                <li key={f.format}>
                  {f.label}：{build.pdfError}
                </li>
              );
            return (
              <li key={f.format}>
                <a href={`/admin/consultations/${consultationId}/packet/${f.format}`} download>
                  {f.label}
                </a>
              </li>
            );
          })}
        </ul>
      </section>
      {publicRegister ? (
        <section aria-labelledby="public-files-title">
          <h2 id="public-files-title">公开版意见登记表</h2>
          <p>仅含已公开的 {counts.public} 条意见，意见内容为隐去个人信息后的公开文本，只有选择署名公开的提出人显示姓名。可对外提供。</p>
          <ul className="download-list">
            <li>
              <a href={`/consultations/${consultationId}/register/xlsx`} download>
                公开版意见登记表（Excel 表格，.xlsx）
              </a>
            </li>
            <li>
              <a href={`/consultations/${consultationId}/register/csv`} download>
                公开版意见登记表（CSV，UTF-8）
              </a>
            </li>
          </ul>
        </section>
      ) : null}
    </>
  );
}
