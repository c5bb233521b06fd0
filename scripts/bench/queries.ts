/** Search queries shared by the search benchmarks. */

/** Domain words the 1–3-word queries are drawn from (deterministically), giving a few hundred distinct queries. */
export const QUERY_WORDS = [
  '赤泥',
  '铝合金',
  '电解铝',
  '脱碱',
  '搅拌摩擦焊',
  '储能',
  '电池',
  '芒果',
  '保鲜',
  '三七',
  '铝箔',
  '再生铝',
  '回收',
  '光伏',
  '边框',
  '工业互联网',
  '监测',
  '建材',
  '固废',
  '油茶',
  '种植',
  '氧化铝',
  '节能',
  '降耗',
  '钪',
  '稀土',
  '陶粒',
  '胶凝材料',
  '挤压',
  '熔铸',
  '氢氧化铝',
  '废水',
  '康养',
  '旅游',
  '跨境',
  '物流',
  '检测',
  '传感器',
  '发酵',
  '提取',
];
/** `count` deterministic queries of 1–3 domain words. */
export function queries(count: number): string[] {
  let state = 7;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => {
    const words = 1 + Math.floor(next() * 3);
    return Array.from({ length: words }, () => QUERY_WORDS[Math.floor(next() * QUERY_WORDS.length)]).join(
      ' ',
    );
  });
}
