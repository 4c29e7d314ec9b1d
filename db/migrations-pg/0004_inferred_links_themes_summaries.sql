CREATE TABLE "rejected_article_links" (
	"comment_id" integer NOT NULL,
	"article_identity_id" integer NOT NULL,
	"user_id" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rejected_article_links_comment_id_article_identity_id_pk" PRIMARY KEY("comment_id","article_identity_id")
);
--> statement-breakpoint
ALTER TABLE "comment_articles" ADD COLUMN "confidence" double precision;--> statement-breakpoint
ALTER TABLE "topics" ADD COLUMN "theme_key" text;--> statement-breakpoint
ALTER TABLE "topics" ADD COLUMN "theme_label" text;--> statement-breakpoint
ALTER TABLE "topics" ADD COLUMN "summary" jsonb;--> statement-breakpoint
ALTER TABLE "rejected_article_links" ADD CONSTRAINT "rejected_article_links_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rejected_article_links" ADD CONSTRAINT "rejected_article_links_article_identity_id_article_identities_id_fk" FOREIGN KEY ("article_identity_id") REFERENCES "public"."article_identities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rejected_article_links" ADD CONSTRAINT "rejected_article_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;