import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { SiteFooter } from "~/ui/site-footer";
import { SiteHeader } from "~/ui/site-header";
import { env } from "~/platform/env.server";
import { useNonce } from "~/platform/nonce";
import { getSessionUser } from "~/platform/session.server";
import { readPreferences } from "~/platform/preferences.server";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
];

export const meta: MetaFunction = () => [{ title: "征求意见平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const e = env();
  const user = await getSessionUser(request);
  return {
    department: {
      name: e.DEPARTMENT_NAME,
      address: e.DEPARTMENT_ADDRESS,
      phone: e.DEPARTMENT_PHONE,
      hours: e.DEPARTMENT_HOURS,
    },
    user: user ? { id: user.id, displayName: user.displayName, role: user.role } : null,
    display: await readPreferences(request),
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

function Document({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const data = useRootData();
  return (
    <html lang="zh-CN" data-text-size={data?.display.size ?? "normal"} data-contrast={data?.display.contrast ?? "normal"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          跳到主要内容
        </a>
        <SiteHeader departmentName={data?.department.name ?? "征求意见平台"} user={data?.user ?? null} display={data?.display ?? null} />
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        {data ? <SiteFooter department={data.department} /> : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <Document>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const messages: Record<number, [string, string]> = {
    403: ["无权访问", "您没有访问此页面的权限。如需开通，请联系系统管理员。"],
    404: ["页面不存在", "您访问的页面不存在或已被移除，请检查网址，或返回首页查看正在征求意见的文件。"],
  };
  const [title, text] = messages[status] ?? ["服务暂时不可用", "系统处理您的请求时出错，请稍后再试。您填写的内容未丢失，可返回上一页重新提交。"];
  return (
    <Document>
      <title>{`${title} - 征求意见平台`}</title>
      <section className="error-page" aria-labelledby="error-title">
        <p className="error-code">{status}</p>
        <h1 id="error-title">{title}</h1>
        <p>{text}</p>
        <p>
          <a href="/">返回首页</a>
        </p>
      </section>
    </Document>
  );
}
