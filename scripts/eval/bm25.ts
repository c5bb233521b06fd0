import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * The reference ranker: plain BM25 (k1 = 1.2, b = 0.75) over jieba tokens of the whole need text against the
 * whole achievement text, computed in-process with no query-length limit.
 */
const WORD = /^[\p{L}\p{N}]+$/u;
const jieba = Jieba.withDict(dict);
const tokens = (text: string) =>
  jieba
    .cut(text, true)
    .map((t) => t.toLowerCase())
    .filter((t) => WORD.test(t));

export class Bm25 {
  private readonly docs: { id: string; tf: Map<string, number>; length: number }[] = [];
  private readonly df = new Map<string, number>();
  private averageLength = 0;

  constructor(documents: { id: string; text: string }[]) {
    for (const { id, text } of documents) {
      const tf = new Map<string, number>();
      const list = tokens(text);
      for (const t of list) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      this.docs.push({ id, tf, length: list.length });
    }
    this.averageLength = this.docs.reduce((s, d) => s + d.length, 0) / (this.docs.length || 1);
  }

  rank(query: string, k = 10): string[] {
    const n = this.docs.length;
    const terms = tokens(query);
    const scored = this.docs.map((doc) => {
      let score = 0;
      for (const term of terms) {
        const f = doc.tf.get(term);
        if (!f) continue;
        const df = this.df.get(term) ?? 0;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * doc.length) / this.averageLength));
      }
      return { id: doc.id, score };
    });
    return scored
      .filter((d) => d.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, k)
      .map((d) => d.id);
  }
}
