// Plain links, not <Link>: each is a file download from a resource route, never a page change.
const PACKET_FILES = [
  { format: "docx", label: "合法性审查材料（Word 文档，.docx）" },
  { format: "pdf", label: "合法性审查材料（PDF）" },
  { format: "xlsx", label: "意见登记表（Excel 表格，.xlsx）" },
  { format: "csv", label: "意见登记表（CSV，UTF-8）" },
  { format: "zip", label: "意见附件（ZIP 压缩包，按登记表序号分文件夹，附附件清单）" },
] as const;

export function Downloads({
  consultationId,
  counts,
  summaryNote,
  publicRegister,
}: {
  consultationId: number;
  counts: { internal: number; public: number };
  summaryNote: string;
  publicRegister: boolean;
}) {
  return (
    <>
      <section aria-labelledby="files-title">
        <h2 id="files-title">下载材料（内部资料）</h2>
        <p>
          材料包括意见采纳情况说明（{summaryNote}）、意见统计、意见审核记录和全部 {counts.internal} 条意见的登记表。
          登记表载有意见原文和提出人信息，仅供合法性审查使用，请勿对外提供。
        </p>
        <ul className="download-list">
          {PACKET_FILES.map((f) => (
            <li key={f.format}>
              <a href={`/admin/consultations/${consultationId}/packet/${f.format}`} download>
                {f.label}
              </a>
            </li>
          ))}
        </ul>
      </section>
      {publicRegister ? (
        <section aria-labelledby="public-files-title">
          <h2 id="public-files-title">公开版意见登记表</h2>
          <p>仅含已公开的 {counts.public} 条意见，意见内容为隐去个人信息后的公开文本，只有选择署名公开的提出人显示姓名。可对外提供。</p>
          <ul className="download-list">
            <li>
              <a href={`/consultations/${consultationId}/register/xlsx`} download>公开版意见登记表（Excel 表格，.xlsx）</a>
            </li>
            <li>
              <a href={`/consultations/${consultationId}/register/csv`} download>公开版意见登记表（CSV，UTF-8）</a>
            </li>
          </ul>
        </section>
      ) : null}
    </>
  );
}
