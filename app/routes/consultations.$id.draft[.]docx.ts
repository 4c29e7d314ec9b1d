import type { LoaderFunctionArgs } from "@remix-run/node";
import { draftDownload } from "~/features/consultations/index.server";
import { getDb } from "~/platform/db.server";
import { idParam } from "~/platform/params";

/** The published draft as a Word document, made from its structure (draft-download.server.ts). */
export const loader = ({ params, request }: LoaderFunctionArgs) => draftDownload(getDb(), request, idParam(params.id), "docx");
