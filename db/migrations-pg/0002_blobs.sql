CREATE TABLE "blobs" (
	"area" text NOT NULL,
	"key" text NOT NULL,
	"body" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blobs_area_key_pk" PRIMARY KEY("area","key")
);
