/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// react-dom ships this entry point without its own typings; it is the same API as "react-dom/server".
declare module "react-dom/server.browser" {
  export { renderToReadableStream } from "react-dom/server";
}
