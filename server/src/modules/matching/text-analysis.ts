import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const IDF_FILE = createRequire(import.meta.url).resolve('@node-rs/jieba/idf.txt');

/**
 * Words that carry no meaning for matching: function words, and the boilerplate of listings ("我们希望…",
 * "提供…技术服务"). Corpus IDF down-weights common words anyway; this list keeps them out of queries.
 */
const STOP_WORDS = new Set(
  `的 了 和 与 及 及其 等 在 对 为 是 有 将 把 被 从 以 于 并 或 其 该 这 那 这些 那些 这个 那个 我们 我 你 他 她 它
  公司 企业 单位 本 厂 希望 需要 想 要 能 能够 可以 可 进行 实现 提供 开展 相关 问题 方面 情况 目前 现在 已经 一些 一个
  通过 采用 利用 使用 技术 方法 研究 开发 合作 团队 项目 产品 工艺 解决 方案 主要 同时 以及 并且 而且 但是 但 如果 因为
  所以 由于 每年 每天 一年 一天 左右 以上 以下 不 没有 没 很 太 较 比较 非常 特别 还 也 都 就 又 再 更 最 很多 许多 多 少
  大量 部分 其中 之后 之前 以后 以前 时候 这样 那样 什么 怎么 如何 为了 用于 适用 适合 具有 具备 形成 建立 完成 得到 获得
  达到 提高 提升 降低 减少 增加 改善 改进 优化 保证 确保 满足 符合 要求 需求 目标 效果 水平 能力 成本 效率 质量 应用
  推广 示范 可提供 服务 支持 指导 培训 已 已在 已有 授权 专利 发明专利 实用新型 申请 企业家 产业化 中试 小试 验证 生产线
  产线 规模 年 月 日 万元 万 元 吨 台 套 家 个 次 项 条 种 类 米 厘米 毫米 公斤 千克 小时 分钟 天 周`.split(
    /\s+/,
  ),
);

const HAN = /\p{Script=Han}/u;
const WORD = /^[\p{L}\p{N}]+$/u;
const DIGITS = /^[\d.]+$/;

/** Place names say where a firm is, not what it needs. */
const PLACE_WORDS = new Set(
  `百色 广西 桂西 右江 右江区 田阳 田阳区 田东 田东县 德保 德保县 那坡 那坡县 凌云 凌云县 乐业 乐业县 田林 田林县 西林 西林县 隆林
  隆林县 靖西 靖西市 平果 平果市 全市 全区 全县 区外 县城 乡镇 本地 当地`.split(/\s+/),
);

let jieba: Jieba | null = null;
let generalIdf: Map<string, number> | null = null;
/** Domain words by their first character, longest first: kept whole before jieba sees the text. */
const dictionary = new Map<string, string[]>();

/** Words missing from jieba's general-language table are mostly technical terms: treat them as rare. */
const UNKNOWN_WORD_IDF = 12;

/**
 * How rare a word is in general Chinese (jieba's IDF table): a prior that tells domain terms (赤泥, 黄龙病)
 * from everyday words (依靠, 结果) even when a small index cannot.
 */
function generalRarity(term: string): number {
  if (!generalIdf) {
    generalIdf = new Map();
    for (const line of readFileSync(IDF_FILE, 'utf8').split('\n')) {
      const [word, value] = line.split(' ');
      if (word && value) generalIdf.set(word, Number(value));
    }
  }
  return generalIdf.get(term) ?? UNKNOWN_WORD_IDF;
}

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * The domain words (拜耳法赤泥, 搅拌摩擦焊…) that stay whole, exactly as the index's `dictionary` setting keeps
 * them: found first, longest match wins, and jieba segments only the text between them.
 */
export function setDomainWords(words: Iterable<string>): void {
  dictionary.clear();
  for (const word of new Set([...words].map((w) => w.trim().toLowerCase()).filter((w) => w.length > 1))) {
    const first = word.charAt(0);
    dictionary.set(first, [...(dictionary.get(first) ?? []), word]);
  }
  for (const list of dictionary.values()) list.sort((a, b) => b.length - a.length);
}

function segment(text: string): string[] {
  const lower = text.toLowerCase();
  const tokens: string[] = [];
  let plainStart = 0;
  for (let i = 0; i < lower.length;) {
    const word = dictionary.get(lower.charAt(i))?.find((w) => lower.startsWith(w, i));
    if (!word) {
      i += 1;
      continue;
    }
    if (i > plainStart) tokens.push(...segmenter().cut(lower.slice(plainStart, i), false));
    tokens.push(word);
    i += word.length;
    plainStart = i;
  }
  if (plainStart < lower.length) tokens.push(...segmenter().cut(lower.slice(plainStart), false));
  return tokens;
}

/**
 * Single Han characters are mostly function words (的 是 把), but some name the very thing a listing is about
 * (镓 笋 泵 渣): those are rare in general language. Below this general IDF a single character is dropped.
 */
const SINGLE_CHARACTER_MIN_RARITY = 5.5;

/** Whether a token can carry meaning on its own: not punctuation, a number, a stop word or a common character. */
export function isContentTerm(token: string): boolean {
  if (!WORD.test(token) || DIGITS.test(token) || STOP_WORDS.has(token) || PLACE_WORDS.has(token))
    return false;
  if (token.length >= 2) return true;
  return HAN.test(token) && generalRarity(token) >= SINGLE_CHARACTER_MIN_RARITY;
}

/** Splits text the way the search index does (domain words, then jieba without HMM), keeping content terms. */
export function contentTerms(text: string): string[] {
  return segment(text).filter(isContentTerm);
}
