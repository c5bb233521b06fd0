export const homeZh = {
  heroTitle: '科技成果转化撮合平台',
  heroLead: '汇聚高校院所科技成果与企业技术需求，智能匹配、在线洽谈、合同登记，一站式服务百色科技成果转化。',
  target: '年度目标：技术合同成交额 20 亿元 · 转化科技成果 30 项',
  fieldsTitle: '十大重点领域',
  searchLabel: '搜索',
  searchIn: '搜索范围',
  searchPlaceholder: {
    achievements: '搜索科技成果，如“赤泥脱碱”“芒果保鲜”',
    needs: '搜索技术需求，如“铝型材”“废水处理”',
  },
  more: '查看更多',
  nothingYet: '暂无已发布的信息',
  post: { achievement: '发布科技成果', need: '发布技术需求' },
};

export const homeEn: typeof homeZh = {
  heroTitle: 'Technology transfer matchmaking',
  heroLead:
    'Research achievements from universities and institutes meet the technical needs of firms: matched, negotiated and registered in one place.',
  target: 'Annual target: 2 billion yuan of technology contracts · 30 converted research results',
  fieldsTitle: 'Ten key fields',
  searchLabel: 'Search',
  searchIn: 'Search in',
  searchPlaceholder: {
    achievements: 'Search achievements, e.g. “red mud”, “mango”',
    needs: 'Search technical needs, e.g. “aluminium profiles”',
  },
  more: 'More',
  nothingYet: 'Nothing published yet',
  post: { achievement: 'Post an achievement', need: 'Post a need' },
};
