import type { Participation } from "~/features/comments/index.server";

/** While open: how many comments and how many people so far, as 人大网 shows beside a draft. */
export function ParticipationCounts({ counts }: { counts: Participation }) {
  return (
    <p className="participation">
      已收到意见 <strong>{counts.comments}</strong> 条，<strong>{counts.participants}</strong> 人参与
    </p>
  );
}

/** The other ways to comment, offered only while comments still count. */
export function OtherChannels({ email, address }: { email: string | null; address: string | null }) {
  if (!email && !address) return null;
  return (
    <p>
      也可通过{email ? `电子邮件（${email}）` : ""}
      {email && address ? "或" : ""}
      {address ? `信函（${address}）` : ""}提出意见，请在征求意见期内寄出或发送。
    </p>
  );
}
