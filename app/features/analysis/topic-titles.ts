// The one rule for what a topic is called in public. A topic's `label` is a working label: the
// engine's keyword proposal, 其他（未归类）, or staff shorthand. Only a title staff approved
// (`publicTitle`) may appear on the feedback page, in the summary or in the packet; everything
// that publishes a topic's name goes through publishedTopicTitle.

export interface TitledTopic {
  label: string;
  publicTitle: string | null;
}

/** The approved public title, or null while staff have not approved one. */
export function publishedTopicTitle(topic: TitledTopic): string | null {
  const title = topic.publicTitle?.trim();
  return title ? title : null;
}

/** Whether staff still have to approve a title before the topic can be published. */
export function needsTitleApproval(topic: TitledTopic): boolean {
  return publishedTopicTitle(topic) === null;
}
