/**
 * English function words plus the boilerplate of scientific abstracts (section labels, copyright lines). They
 * carry no topic, so they are neither features nor parts of a phrase.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above across after again against all almost along already also although always am among an and
  another any anyone anything are around as at be became because become been before being below between both but
  by can cannot could did do does doing done down during each either else enough etc even ever every few for from
  further had has have having he her here hers herself him himself his how however i if in into is it its itself
  just least less many may me might more most much must my myself neither no nor not now of off often on once one
  only or other others otherwise our ours ourselves out over own per perhaps rather same several she should since
  so some such than that the their theirs them themselves then there therefore these they this those though
  through thus to too under until up upon us very via was we well were what whatever when where whereas whether
  which while who whom whose why will with within without would yet you your yours yourself yourselves
  among amongst whereby wherein thereby therein herein
  abstract background objective objectives aim aims method methods methodology result results conclusion
  conclusions
  copyright rights reserved elsevier ltd inc published wiley periodicals springer verlag john sons
  `
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
