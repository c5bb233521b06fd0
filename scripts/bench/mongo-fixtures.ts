import { ObjectId } from 'mongodb';
import { Schema } from 'mongoose';
import { COUNTIES, FIELDS, MATURITIES, TRANSFER_MODES } from '../../shared/src/enums.js';

const SUMMARY =
  '本成果针对赤泥综合利用中的脱碱难题，提出一种低能耗的协同处理工艺，在保持铝土矿残渣结构稳定的前提下显著降低碱含量，可用于道路基层材料与建材制品。';

/** A listing (科技成果) shaped like the ones the application stores: about 1 KB of BSON. */
export function listing(i: number): Record<string, unknown> {
  const created = new Date(Date.UTC(2023, 0, 1) + i * 60_000);
  return {
    _id: new ObjectId(),
    code: `ACH-${String(i).padStart(7, '0')}`,
    title: `铝基复合材料成果 ${i}：${FIELDS[i % FIELDS.length]}方向的工艺改进`,
    summary: SUMMARY.repeat(2),
    field: FIELDS[i % FIELDS.length],
    county: COUNTIES[i % COUNTIES.length],
    maturity: MATURITIES[i % MATURITIES.length],
    transferModes: TRANSFER_MODES.slice(0, 1 + (i % 3)),
    priceFen: 100_000 * (1 + (i % 50)),
    status: i % 5 === 0 ? 'draft' : 'published',
    owner: new ObjectId(),
    institution: new ObjectId(),
    tags: ['赤泥', '脱碱', '建材', `tag${i % 40}`],
    contact: { name: '王工', phone: '0776-2800000', email: `owner${i}@example.cn` },
    views: i % 997,
    createdAt: created,
    updatedAt: created,
  };
}

export const listingSchema = new Schema(
  {
    code: { type: String, unique: true },
    title: String,
    summary: String,
    field: String,
    county: String,
    maturity: String,
    transferModes: [String],
    priceFen: Number,
    status: String,
    owner: Schema.Types.ObjectId,
    institution: Schema.Types.ObjectId,
    tags: [String],
    contact: { name: String, phone: String, email: String },
    views: Number,
  },
  { timestamps: true },
);

/** The filter of the `countDocuments` figure: published listings of one field above a price (no index). */
export const countFilter = { status: 'published', field: '新材料', priceFen: { $gte: 2_000_000 } };
