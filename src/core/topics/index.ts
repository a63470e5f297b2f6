export { computeTopics } from './computeTopics';
export type { TopicOptions } from './computeTopics';
export type { Topic } from './topic';
export { OTHER_TOPIC_LABEL, sameTopics, slugOf } from './topic';
export type { TopicSearch } from './userTopics';
export { topicCount, MAX_TOPICS, MIN_TOPICS } from './topicCount';
