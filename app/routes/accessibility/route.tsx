import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DepartmentContactList } from "~/ui/department-contact";
import { departmentContact } from "~/platform/department.server";
import { COMMENT_MAX } from "~/features/comments";

export const meta: MetaFunction = () => [
  { title: "无障碍声明 - 征求意见平台" },
  { name: "description", content: "征求意见平台的无障碍情况：依据的标准、测试方法、已知问题，以及如何获取其他格式。" },
];

export function loader() {
  return { contact: departmentContact() };
}

// What was tested is what tests/e2e checks on every build; keep the two in step.
export default function AccessibilityStatement() {
  const { contact } = useLoaderData<typeof loader>();
  return (
    <article className="statement" aria-labelledby="statement-title">
      <h1 id="statement-title">无障碍声明</h1>
      <p>
        {contact.name}
        致力于让每一位公众都能阅读征求意见稿、提出意见并了解意见的处理结果，包括使用读屏软件、放大镜、键盘、语音输入或手机的人。本声明适用于本征求意见平台的全部页面。
      </p>

      <h2>依据的标准和符合情况</h2>
      <p>
        本平台以国家标准 GB/T 37668-2019《信息技术 互联网内容无障碍可访问性技术要求与测试方法》和 W3C《Web 内容无障碍指南》（WCAG）2.2 AA 级为目标。目前为
        <strong>部分符合</strong>：自动检测和下述测试均已通过，但尚未经残障用户和主流读屏软件实测，另有下文列出的已知问题。
      </p>

      <h2>我们如何测试</h2>
      <p>以下检查写入了平台的自动化测试，每次修改平台后运行：</p>
      <ul>
        <li>
          自动检测：用 axe-core 按 WCAG 2.0、2.1、2.2 的 A 级和 AA
          级规则检查全部公众页面（含本页和个人信息保护说明）及工作人员页面，要求“严重”和“关键”问题为零；首页在高对比度模式下也经检查。
        </li>
        <li>键盘：提出意见可以只用键盘完成；焦点始终清晰可见；每页开头有“跳到主要内容”链接。</li>
        <li>小屏幕和放大：在 360 像素宽的手机上，以及 320 像素宽并选用最大字号时，公众页面不出现横向滚动；回执编号不会在中间断行。</li>
        <li>不依赖 JavaScript：阅读征求意见稿、提出意见、查询回执、订阅通知、调整字号和对比度，在浏览器关闭 JavaScript 时都能完成。</li>
        <li>
          读屏语义：表单字段都有标签；意见表单的每个错误提示都与对应的字段或选项组关联；提交失败后，焦点移到页面上的错误摘要，摘要中的每一项都链接到需要修改的字段；意见内容的字数提示只在剩余不足
          1000、500、100 字和达到 {COMMENT_MAX} 字上限时播报，不会每输入一个字都打断读屏；图表都附有数据表。
        </li>
        <li>页面编码：每个页面都是有效的 UTF-8 文本，不含会干扰读屏软件的空字符。</li>
      </ul>
      <p>测试使用 Chromium 浏览器。</p>

      <h2>已知问题</h2>
      <ul>
        <li>尚未邀请残障用户测试，也尚未用主流读屏软件（如 NVDA、JAWS、VoiceOver、TalkBack 和国产读屏软件）逐页实测；以上“读屏语义”是对页面代码的检查。</li>
        <li>起草处室上传的附件（Word、PDF 文件）保持原样提供，其无障碍程度取决于原文件，可能缺少标题结构或图片说明。需要时请按下文方式索取其他格式。</li>
        <li>关闭 JavaScript 时，意见内容下方的字数提示不会随输入更新；超过 {COMMENT_MAX} 字时不会截断，提交后在意见内容旁提示超出的字数，并标出超出部分。</li>
        <li>图表以图形绘制，读屏用户请使用每个图表下方的数据表。</li>
        <li>意见分析等工作人员页面中较复杂的操作（如合并、拆分主题）尚未经读屏软件实测。</li>
        <li>平台不提供语音朗读、手语视频或专门的“无障碍工具条”；字号和高对比度可在每页顶部设置，设置保存在本机浏览器中，更换设备后需重新设置。</li>
      </ul>

      <h2>获取其他格式、反馈问题</h2>
      <p>
        如需以其他格式获取征求意见稿、起草说明或意见采纳情况（如纯文本、Word
        文档、大字版，或由工作人员电话读给您听），如需通过信函、电话等其他方式提出意见，或在使用中遇到障碍，请联系我们。请说明您需要的内容和格式，以及联系方式；收到后我们会尽快答复。
      </p>
      <DepartmentContactList contact={contact} />
      <p>
        另见：<Link to="/privacy">个人信息保护说明</Link>
      </p>
      <p className="meta">本声明最近更新于 2026 年 12 月 4 日。</p>
    </article>
  );
}
