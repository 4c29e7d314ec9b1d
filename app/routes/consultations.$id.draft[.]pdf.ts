import type { LoaderFunctionArgs } from "@remix-run/node";
import { draftDownload } from "~/exports/draft-download.server";
import { getDb } from "~/utils/db.server";
import { idParam } from "~/utils/params";

/** The published draft as PDF, made from its structure (draft-download.server.ts). */
export const loader = ({ params, request }: LoaderFunctionArgs) => draftDownload(getDb(), request, idParam(params.id), "pdf");
