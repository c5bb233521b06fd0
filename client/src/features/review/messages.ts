export const reviewZh = {
  title: '信息审核',
  lead: '按提交时间先后处理待审核的科技成果与技术需求，通过后即公开发布。',
  empty: '没有待审核的信息',
  open: '查看并审核',
  submittedAt: '提交于 {time}',
  live: '列表会随新的提交自动刷新',
};

export const reviewEn: typeof reviewZh = {
  title: 'Listing review',
  lead: 'Review submitted achievements and needs, oldest first; approved ones are published at once.',
  empty: 'Nothing awaits review',
  open: 'Open and review',
  submittedAt: 'Submitted {time}',
  live: 'The list refreshes as new submissions arrive',
};
