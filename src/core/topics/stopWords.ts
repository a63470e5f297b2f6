/**
 * Word lists for topic extraction. All entries are folded (lower case, no accents).
 *
 * - STOP_WORDS: function words and academic boilerplate. They never form a topic feature or label and a
 *   phrase never spans them ("we propose", "results show", "state of the art" all fall apart here).
 * - GENERIC_WORDS: words too common in research writing to name a topic on their own ("model", "data",
 *   "learning"), yet fine inside a phrase: "language models", "time series data" stay possible labels.
 * - MODIFIER_WORDS: prefixes and size words that need a word after them: "large language models" and
 *   "multi-agent" are phrases, "large" or "multimodal large" are not.
 */

const FUNCTION_WORDS = `
a about above across after again against all almost along also although always am among an and another
any anyone anything are around as at be became because become becomes been before being below between
beyond both but by can cannot could did do does doing done down due during each either else enough etc
even ever every few for from further had has have having he her here hers him his how however i if in
into is it its itself just less like made make makes many may me might more most much must my neither
no nor not now of off often on once one only onto or other others otherwise our ours out over own per
perhaps quite rather same several she should since so some such than that the their theirs them then
there therefore these they this those though through thus to together too toward towards under until
up upon us used uses using very via was way ways we well were what whatever when where whereas whether
which while who whom whose why will with within without would yet you your
`;

const ACADEMIC_BOILERPLATE = `
ability able accurate accuracy achieve achieved achieves achieving across address addresses addressing
advance advanced advances advantage advantages aim aims allow allows analysis analyze analyzed apply
applied approach approaches arbitrary art available based baseline baselines better
beyond broad capability capable case cases challenge challenges challenging compared
comparable comparison competitive comprehensive conduct conducted consider considerable consistently
contribution contributions crucial current currently demonstrate demonstrated demonstrates demonstrating
design designed despite develop developed develops different difficult directly discuss easy effect
effective effectively efficacy efficient efficiently emerge emerged empirical empirically enable enables
enabling enhance enhanced enhances enhancing ensure establish evaluate evaluated evidence
example examples existing experiment experimental experiments explore explores extensive extensively
facilitate far feature finally findings first focus focuses following found fully furthermore gain
gains general generally github given good great help highly https http however hypothesis
idea identify illustrate impact important improve improved improvement improvements improves improving
include includes including increase increasing introduce introduced introduces investigate key
large-scale latest lead leading leads least leverage leverages leveraging limited limitation
limitations main mainly maintain major making manner method methods methodology moreover
motivate multiple namely necessary need needs new notable notably novel numerous observe obtain
obtained offer offers open order outperform outperforming outperforms overall page paper particular
particularly performance performs perform performed pipeline possible potential powerful practical
present presented presents previous previously primarily prior problem problems project promising propose
proposed proposes provide provided provides providing publicly purpose range real recent recently
reduce reduced reduces regarding related release released remain remains remarkable report reported
require required requires research researchers result resulting results reveal reveals robust second
see seen set setting settings show showed showing shown shows significant significantly similar simple
simply specific specifically state strong strategy studies study substantial substantially success
successful successfully suggest superior support surpass surpasses technique techniques terms
third three through top toward two typically understanding unlike various versus whole wide widely
work works yield yields
accordingly additionally adopt adopts adopted align aligned although analyse appear appears assess
assessed assessment assume attain benefit benefits build builds building capabilities capture captures
carefully certain clear clearly commonly complementary complex comprise comprises comprising concretely
consequently consist consists core critical critically crucially deliver delivers denote depend depends
described detailed diverse effectiveness elaborate emerging employ employed employs especially
essential establish established establishes evaluate evaluates everything exhibit exhibits explicitly
extend extends extensible fail fails fast faster fundamental fundamentally further gap gaps greatly
handle handles hard highlight highlights hinder however hold holds ideal impressive inherent
inherently insight insights insufficient integrate integrates integrating intrinsic involve involves
issue issues itself largely likely mechanism mechanisms meticulous meticulously merely modern naturally nearly need needed
nevertheless newly nonetheless object often overcome paradigm paradigms perform performs pose poses
possess predominantly primary principle principles produce produces promise properly prove proven
readily realize reasonable recent remarkably rely relies require respectively rich rigorous role
scenario scenarios seamless seamlessly serve serves shed simultaneously solve solves solving source
sources specifically standard still straightforward streamline suffer suffers suitable surprisingly
take takes tackle tailored teach teaches taught therein thereby thorough thoroughly truly typical ultimately underlying
unique unlock unlocks usage use usual usually utilize utilizes utilizing valuable variety
vast verify versatile viable vital whereby widespread yet
`;

const MODIFIERS = `
auto co cross fine inter intra multi non over post pre self semi sub super under un
high higher large long low lower short small unified
`;

const GENERIC = `
algorithm algorithms architecture architectures benchmark benchmarks code codes data dataset datasets
framework frameworks learning model models modeling modelling evaluation evaluations network networks quality step steps system systems task tasks
training trained
`;

function wordSet(...lists: string[]): ReadonlySet<string> {
  return new Set(lists.flatMap((list) => list.split(/\s+/)).filter((w) => w !== ''));
}

export const STOP_WORDS: ReadonlySet<string> = wordSet(FUNCTION_WORDS, ACADEMIC_BOILERPLATE);
export const GENERIC_WORDS: ReadonlySet<string> = wordSet(GENERIC);
export const MODIFIER_WORDS: ReadonlySet<string> = wordSet(MODIFIERS);

/** Multi-word boilerplate written as one hyphenated unit. */
export const STOP_COMPOUNDS: ReadonlySet<string> = wordSet(`
state-of-the-art large-scale real-world well-known so-called end-to-end off-the-shelf high-quality
fine-grained open-source plug-and-play
`);
