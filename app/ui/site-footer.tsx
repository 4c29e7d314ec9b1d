import { Link } from "@remix-run/react";

export function SiteFooter({ department }: { department: { name: string; address: string; phone: string; hours: string } }) {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <strong>{department.name}</strong>
        </p>
        <p>
          地址：{department.address}　联系电话：{department.phone}　{department.hours}
        </p>
        <p className="footer-note">本平台依法公开征求社会公众意见。您提交的意见经审核后方可公开，个人信息将依法予以保护。</p>
        <ul className="footer-links" aria-label="平台说明">
          <li>
            <Link to="/subscribe">订阅征求意见通知</Link>
          </li>
          <li>
            <Link to="/accessibility">无障碍声明</Link>
          </li>
          <li>
            <Link to="/privacy">个人信息保护说明</Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
