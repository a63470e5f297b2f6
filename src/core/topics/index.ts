export { computeTopics } from './computeTopics';
export type { Topic } from './topic';
export { OTHER_TOPIC_LABEL, sameTopics, slugOf } from './topic';
export { topicCount, MAX_TOPICS } from './topicCount';
