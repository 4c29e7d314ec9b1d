/**
 * The cue lexicons of the stance hint (stance.ts). Each list is matched in order and a match is blanked out, so a
 * longer or negated phrase (不支持, 建议删除) is read once, as itself, before its parts (支持, 建议) can be.
 */
export type CueClass = "oppose" | "support" | "suggest" | "question";

export interface Cue {
  cls: CueClass;
  weight: number;
  pattern: RegExp;
}

const cue = (cls: CueClass, weight: number, ...patterns: RegExp[]): Cue[] => patterns.map((pattern) => ({ cls, weight, pattern }));

// Words that approve when plain and object when negated (不合理, 没有必要, 谈不上公平).
const POSITIVE =
  "同意|赞成|赞同|支持|认同|认可|接受|合理|合适|合情理|公平|公正|妥当|妥|现实|可行|实际|科学|必要|有必要|便民|方便|人性化|到位|明确|有用|管用|靠谱|满意|放心";
const NEGATOR = "不是很|不太|不够|不怎么|不大|并不|并非|绝不|决不|毫不|谈不上|算不上|不|没有|没|未必|难以|无法";

/** Matched first: double negations and "not against" turns, which would otherwise read as opposition. */
export const NOT_AGAINST: Cue[] = [
  ...cue("support", 2, /没有理由不(?:支持|赞成|同意)|不得不说|不能不(?:说|赞|夸|点赞)|挑不出(?:什么)?毛病|无可厚非|没(?:什么|啥)?毛病|(?:没有|没|无)(?:任何)?异议/g),
  ...cue("support", 0, /没(?:什么|啥|有)?意见/g),
  // 不是不同意…而是…, 并非反对…只是…, 我不反对…: the comment is not against the subject; what follows decides.
  ...cue("support", 0, /(?:不是|并非|并不是|绝非|并没有|没有|不)(?:说)?(?:不同意|不支持|不赞成|反对|否定|排斥)/g),
];

export const OPPOSE: Cue[] = [
  // Asking for a provision to go.
  ...cue("oppose", 3, /(?:建议|请求|恳请|请|要求|应当|应该|应)(?:予以)?(?:删除|删去|删掉|拿掉|去掉|取消|废止|撤销|砍掉)/g),
  ...cue("oppose", 3, /(?:收回|撤回|撤销|拿掉|去掉|删掉|取消)(?:这|该|此)(?:一)?(?:条|项|款|规定|条款)/g),
  ...cue("oppose", 2, /删除|删去|删掉|拿掉|去掉|取消|废止|砍掉|(?:建议|请|要)(?:慎重|三思)|请三思/g),
  ...cue("oppose", 3, /(?:坚决|强烈|表示|明确)?反对|抵制|不同意|不赞成|不赞同|不认同|不认可|不接受|(?:不能|无法|难以)接受|我不服|不服气/g),
  ...cue("oppose", 2, /不(?:应当|应该|应|宜|该)(?!当然)|不建议|不希望|没(?:有)?必要|不必要|何必|大可不必/g),
  ...cue("oppose", 2, new RegExp(`(?:${NEGATOR})(?:${POSITIVE})(?!意思|好意思)`, "g")),
  ...cue("oppose", 2, /有(?:什么|啥)(?:用|意义)|脱离实际|不切实际|行不通|办不成|做不到|落实不了|执行不了|形同虚设|一纸空文|(?:一句)?空话|摆设|花架子|走过场|凑数|等于没(?:写|说|有)|写了等于|白搭|多此一举|画蛇添足|本末倒置/g),
  ...cue("oppose", 2, /为了罚款而罚款|以罚代管|乱收费|乱罚款|变相|一刀切|区别对待|歧视|侵犯|剥夺|损害|倒退|说不过去|难以服众|不近人情|不合情理|离谱|荒唐|(?<!不)过分|过于|苛刻|怨声载道|寒心|失望|不满|打发|割韭菜|羊毛出在羊身上|不平衡|夸张|坑(?:人|钱|老百姓)|站不住脚|缺乏依据|没有依据|依据不足/g),
  ...cue("oppose", 1, /太(?:多|短|长|少|低|高|重|狠|紧|窄|宽|软|空|泛|虚|死板|严|慢|贵|麻烦|复杂|难|晚|早|随意|笼统|模糊|苛刻|过分|离谱)了?|过(?:重|严|高|低|短|长|宽|窄|多)/g),
  ...cue("oppose", 1, /没(?:啥|什么)?用|没有用|别搞|没有任何(?!异议|意见|问题)|只会(?:激化|让|导致|增加|加重|和|把)|激化矛盾|根本(?:不|没|无|办不|做不|排不|用不|买不|找不|停不)|意义不大|没(?:有|啥|什么)?意义|添(?:麻烦|堵|乱)|折腾|负担不起|负担(?:太|过)重|加重(?:\S{0,6})负担|吃不消|扛不住|受不了|承受不了|吃亏|为难|挤占|转嫁|摊派|扰民|强制|逼(?:着|迫)?|很难(?:保证|落实|执行|做到)|难以(?:保证|落实|执行|做到)|不现实|有问题|问题很大|担心|担忧|漏洞|损失|冤枉|不公|质疑|商榷|欠妥|不当/g),
  ...cue("oppose", 2, /\b(?:oppose[sd]?|against|disagree[sd]?|reject(?:ed)?|unfair|unreasonable|unacceptable|unrealistic|nonsense|makes no sense|drop it|remove|scrap|terrible|harmful)\b/gi),
];

export const SUPPORT: Cue[] = [
  ...cue("support", 3, /(?:坚决|完全|非常|十分|举双手|双手)?(?:支持|赞成|赞同|拥护)|同意|点(?:个)?赞|叫好|认可|说到(?:我们)?心坎/g),
  ...cue("support", 2, /好事|很好|挺好|非常好|真好|太好了|写得(?:很|挺|非常)?(?:好|实在|细|具体|清楚)|(?:这个|政策|规定|这条|这一条|这项)(?:很|真|挺)?好|(?<![不没您你还也])好(?=[，,。！!]|$)|帮了(?:大)?忙|暖暖|抓住了关键|抓到(?:了)?点子上|切中要害|很有针对性|(?:会|就)?好(?:很多|多了)|很及时|非常及时|太及时|及时雨|很有必要|非常必要|十分必要|早该|终于|实惠|暖心|温暖|欣慰|告慰|受益|便民|人性化|周到|到位|全面|是对的|没错|合理|很实在|有保障|放心|安心|期待|希望(?:尽快|早日|早点|能尽快)(?:实施|施行|出台|落实|落地|通过)/g),
  ...cue("support", 0.5, /感谢|谢谢/g),
  ...cue("support", 1, /欢迎|满意|致敬|感动|方便|清晰|规范|有面子|重视|考虑(?:得)?(?:很|挺|十分)?(?:周到|全面|细)|[👍👏❤💪🌹👌]|好[！!]/gu),
  ...cue("support", 2, /\b(?:support(?:s|ed)?|agree[sd]?|in favou?r|great (?:idea|initiative)|applaud|welcome|thanks?(?: you)?|good idea)\b/gi),
];

export const SUGGEST: Cue[] = [
  ...cue("suggest", 3, /建议|建义|提议|改为|改成|修改为|调整为|修改成|变更为/g),
  ...cue("suggest", 2, /应当|应该|最好|不如|可以考虑|能否|可否|写明|写清楚|写进|规定具体|予以|酌情|恳请|呼吁|(?:以上意见)?(?:仅)?供参考|望(?:予)?采纳|请(?:予)?采纳|请(?:起草部门)?研究|希望能|希望在|希望把|希望将|希望对|要求(?!提交)|请(?:把|将|在|对|增加|明确)|可以(?=设|允许|让|在|由|按|换|利用|推广|参照|适当)/g),
  ...cue("suggest", 1.5, /补充|增加|增设|增列|明确|细化|放宽|扩大|延长|缩短|提高|降低|纳入|参照|统一|适当|放到|推迟|延后|加强|推广|允许|鼓励|多(?:安排|设|建|给|配|开)|要(?:定期|符合|公开|统一|保证|有|写|考虑|加强|落实|征求)|先\S{1,10}再/g),
  ...cue("suggest", 1, /想法|希望|需要|可以(?!理解)|能不能|是不是可以|要有|要写/g),
  ...cue("suggest", 2, /\b(?:suggest(?:s|ed|ion)?|recommend(?:s|ed|ation)?|propose[sd]?|should|consider|amend|add|include|clarify|please (?:provide|add|publish))\b/gi),
];

export const QUESTION: Cue[] = [
  ...cue("question", 2, /(?:希望|请|麻烦)(?:官方|工作人员|有关部门)?(?:能)?(?:回复|答复|解答|解释)|请问|想问|问一下|问个问题|咨询|想了解|疑问|求解答|不太明白|不明白/g),
  ...cue("question", 1, /是否|吗|怎么|如何|多少|哪些|哪里|哪个|哪天|哪儿|什么时候|何时|谁|算不算|包不包括|是不是|有没有|要不要|能不能|可不可以/g),
  ...cue("question", 1, /\b(?:why|how|what|when|which|whether|does|do|is|are|can|could)\b(?=[^.?!]*\?)/gi),
];

/** A question nobody expects answered: it objects. Tested on one sentence. */
export const RHETORICAL_ALWAYS = /还(?:过|活|让)不(?:过|活|让)|难道|凭什么|何必|何苦|何须|岂不|岂能|怎能|哪有这样|有这个必要|不是逼|逼着|(?:最后|到头来|到时候)还不是/;
export const RHETORICAL_WITH_MARK =
  /有(?:这个)?必要(?:搞|弄|定|规定)?.{0,10}(?:吗|嘛|么)|有(?:什么|啥)(?:用|意义|实际意义|必要|道理)|还怎么|还(?:过|活)不|怎么可能|什么叫|这(?:叫|算)(?:什么|哪门子)?(?:便民|服务|保障|优待|管理)|不就是|(?:这|那|岂|还|不就)不是|(?:合理|公平|公正|现实|值得|有用|管用|可行|便民|合适|应该)(?:吗|嘛|么)|谁来(?:为|替|给)(?:我们|老百姓)|(?:也|都)不行|为什么不(?:能|可以|让)|(?:自己|亲自)\S{0,4}过\S{0,10}(?:吗|没有)|(?:考虑|想)过.{0,12}(?:吗|没有)|能执行下去|(?:就|便)不(?:是|算).{0,6}了|哪(?:来|里来)的(?:钱|依据)|钱从哪(?:来|里来)|(?:就|都)不管了/;

/** A question that asks for something to be done is a proposal: 能不能给…, 可否将…. */
export const REQUEST_QUESTION = /(?:能不能|能否|可否|可不可以|是不是可以|可以不可以|可以)(?:也|再|都|就|统一|适当|考虑|直接|一次性|多|少)?(?:给|把|将|让|放宽|提高|增加|延长|简化|降低|开通|设|安排|优先|统一|直接|一次性|考虑|纳入|允许)/;

/** Concession markers: what they introduce is outweighed by what comes after the turn. */
export const CONCESSION = /虽然|虽说|虽|尽管|固然|诚然|出发点(?:是好的)?|初衷|可以理解|能理解|我理解|理解(?:政府|部门)|没错|是对的|道理我(?:都)?懂|不可否认|的确|确实/;
/** Turns that start a clause (after a comma or a full stop). 不但/但凡/但愿 are not turns. */
export const TURN = /(?:^|[，,。.；;！!？?\s])(?:但是|但|可是|可(?![以否能不])|不过|然而|却|只是|唯独)(?!凡|愿|是否)/g;
