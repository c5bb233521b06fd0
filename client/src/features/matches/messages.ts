export const matchesZh = {
  tab: '匹配推荐',
  lead: {
    need: '平台根据本需求的关键词，在全部已发布的科技成果中检索出可能解决问题的成果，按匹配度排序。',
    achievement:
      '平台根据本成果的关键词，在已发布的技术需求和揭榜挂帅榜单中检索出可能用得上它的企业，按匹配度排序。',
  },
  keyTerms: '匹配所用关键词：',
  showDismissed: '显示已标记“不相关”的',
  empty: '暂未找到匹配的信息。新的信息发布后，平台会自动重新匹配并通知您。',
  state: {
    computing: { title: '正在计算匹配…', hint: '信息发布或修改后，平台在后台重新计算匹配，通常几秒内完成。' },
    'too-little-text': {
      title: '文字太少，无法匹配',
      hint: '描述中没有可用于检索的专业词汇。请补充具体的技术问题、产品、工艺或指标（例如“赤泥脱碱”“铝型材表面处理”），保存后将重新匹配。',
    },
    'not-published': {
      title: '发布后开始匹配',
      hint: '只有已发布的信息参与匹配；审核通过后，平台会立即计算并提醒您。',
    },
    ready: { title: '', hint: '' },
  },
  side: { need: '技术需求', achievement: '科技成果' },
  score: '匹配度',
  strong: '强匹配',
  scoreAria: '匹配度 {percent}%',
  why: '匹配依据',
  sameField: '同一领域',
  crossField: '跨领域',
  source: {
    subject: '本条信息的关键词',
    pair: '关键词组合（两个关键词相邻出现）',
    feedback: '相关词扩展：您收藏的和最匹配的信息对同一问题的说法',
  },
  needText: '需求',
  achievementText: '成果',
  computedAt: '计算于 {time}',
  handled: '已由技术经纪人跟进',
  dismissedHint: '已标记为不相关，以后不再推荐，其他推荐也会据此调整。可在“显示已标记”中撤销。',
  starredHint: '已收藏。平台会参考您收藏的匹配，重新计算推荐，找出与它说法相近的信息。',
  actions: {
    star: '收藏',
    unstar: '取消收藏',
    dismiss: '不相关',
    undismiss: '撤销“不相关”',
    handle: '我来跟进',
  },
  mine: {
    title: '我的匹配',
    lead: '本机构所有信息的匹配推荐，按匹配度排序。标记“不相关”的不在此显示。',
    empty: '暂无匹配。发布科技成果或技术需求后，平台会自动为您匹配。',
  },
  board: {
    title: '撮合看板',
    lead: '全市尚未有人跟进的强匹配，供技术经纪人主动撮合。点击“我来跟进”后，该匹配离开看板并记入审计日志。',
    empty: '没有待跟进的强匹配。',
    minScore: '最低匹配度',
    handled: '已记为由您跟进',
  },
  menu: { mine: '我的匹配', board: '撮合看板' },
};

export const matchesEn: typeof matchesZh = {
  tab: 'Matches',
  lead: {
    need: 'Published achievements that could solve this need, found by its key terms and ranked by match score.',
    achievement:
      'Published needs and 揭榜挂帅 challenges this achievement could answer, ranked by match score.',
  },
  keyTerms: 'Matched by:',
  showDismissed: 'Show the ones marked “not relevant”',
  empty: 'No match yet. Matching runs again as new listings are published, and you will be told.',
  state: {
    computing: {
      title: 'Computing matches…',
      hint: 'After a listing is published or changed, its matches are recomputed in the background, usually within seconds.',
    },
    'too-little-text': {
      title: 'Too little text to match',
      hint: 'The description holds no technical term to search for. Add the concrete problem, product, process or figures (e.g. “red-mud dealkalisation”), save, and it is matched again.',
    },
    'not-published': {
      title: 'Matched once published',
      hint: 'Only published listings are matched; once approved, matches are computed at once and you are alerted.',
    },
    ready: { title: '', hint: '' },
  },
  side: { need: 'Need', achievement: 'Achievement' },
  score: 'Match',
  strong: 'Strong match',
  scoreAria: 'Match score {percent}%',
  why: 'Why',
  sameField: 'Same field',
  crossField: 'Cross-field',
  source: {
    subject: 'A key term of this listing',
    pair: 'Two key terms that appear side by side',
    feedback: 'Related wording: how the partners you starred and the best ones name the same thing',
  },
  needText: 'Need',
  achievementText: 'Achievement',
  computedAt: 'Computed {time}',
  handled: 'Followed up by a broker',
  dismissedHint:
    'Marked not relevant; it will not be suggested again, and the other suggestions adjust to it. Undo under “show the ones marked”.',
  starredHint:
    'Starred. Matches are recomputed with what you starred in mind, to find listings worded like it.',
  actions: {
    star: 'Star',
    unstar: 'Unstar',
    dismiss: 'Not relevant',
    undismiss: 'Undo “not relevant”',
    handle: 'I will broker this',
  },
  mine: {
    title: 'My matches',
    lead: 'Matches of all your organisation’s listings, strongest first, without the ones marked not relevant.',
    empty: 'No match yet. Publish an achievement or a need and the platform matches it for you.',
  },
  board: {
    title: 'Matchmaking board',
    lead: 'Strong matches across the city that nobody follows up yet, for technology brokers. Taking one in hand removes it from the board and is audited.',
    empty: 'No strong match awaits a broker.',
    minScore: 'Minimum score',
    handled: 'Recorded as followed up by you',
  },
  menu: { mine: 'My matches', board: 'Matchmaking board' },
};
