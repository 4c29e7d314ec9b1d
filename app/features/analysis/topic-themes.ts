/**
 * The workspace overview's grouping of topics under their themes (app/engine/themes.ts): themes by the comments
 * they hold, most first, each with its topics in the order given; the topics in no theme (no substance, the
 * unclustered, topics staff made since the last run) after them, in the order given.
 */
export interface ThemedTopic {
  size: number;
  theme: { key: string; label: string } | null;
}

export interface ThemeGroup<T> {
  key: string;
  label: string;
  /** comments in the theme's topics (as counted under the current filters) */
  size: number;
  topics: T[];
}

export function groupTopicsByTheme<T extends ThemedTopic>(topics: readonly T[]): { themes: ThemeGroup<T>[]; unthemed: T[] } {
  const themes = new Map<string, ThemeGroup<T>>();
  const unthemed: T[] = [];
  for (const topic of topics) {
    if (!topic.theme) {
      unthemed.push(topic);
      continue;
    }
    let group = themes.get(topic.theme.key);
    if (!group) themes.set(topic.theme.key, (group = { key: topic.theme.key, label: topic.theme.label, size: 0, topics: [] }));
    group.size += topic.size;
    group.topics.push(topic);
  }
  const order = [...themes.values()];
  order.sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : 1));
  return { themes: order, unthemed };
}
