// nginx in front of app instances, as docs/deploy.md configures it (with the micro-cache), for the cluster
// test and the PostgreSQL benchmarks: its own prefix, pid and temp folders, in the foreground.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const NGINX = process.env.NGINX_PATH || "/usr/sbin/nginx";

export function nginxConfig(dir: string, port: number, upstreams: number[]): string {
  return `
worker_processes 2;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
${process.getuid?.() === 0 ? "user root root;" : ""}
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # The micro-cache of docs/deploy.md: anonymous public pages, kept as long as the app says (s-maxage=5).
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=zq_pages:10m max_size=100m inactive=1m;
  upstream zhengqiu {
    least_conn;
    ${upstreams.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=1s;`).join("\n    ")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port} backlog=4096;
    client_max_body_size 30m;
    location / {
      proxy_pass http://zhengqiu;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout;
      proxy_cache zq_pages;
      proxy_cache_key $scheme$host$request_uri;
      proxy_cache_bypass $http_cookie $http_authorization;
      proxy_no_cache $http_cookie $http_authorization;
      proxy_cache_lock on;
      proxy_cache_use_stale updating;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
}`;
}

/** Starts nginx in the foreground with that configuration, under `dir`. */
export function startNginx(dir: string, port: number, upstreams: number[]): ChildProcess {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir, port, upstreams));
  return spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "inherit"] });
}

/** Asks nginx to finish and quit (SIGQUIT), and waits until it has. */
export async function stopNginx(nginx: ChildProcess): Promise<void> {
  if (nginx.exitCode !== null || nginx.signalCode !== null) return;
  const exited = new Promise((resolve) => nginx.once("exit", resolve));
  nginx.kill("SIGQUIT");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (nginx.exitCode === null && nginx.signalCode === null) nginx.kill("SIGKILL");
}
