import { COUNTER_BASES, COUNTER_SCOPES, type CounterBasis, type CounterScope } from '@techmatch/shared';
import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';
import { outboxField, type WithOutbox } from '../../platform/outbox.js';

/** 年度目标, one document per year (`_id` is the year); a year without one runs on the defaults. */
export interface TargetDoc extends WithOutbox {
  _id: number;
  contractAmountFen: number;
  convertedResults: number;
  contractCount: number;
  basis: CounterBasis;
  scope: CounterScope;
  updatedBy: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

const targetSchema = new Schema<TargetDoc>(
  {
    _id: { type: Number, required: true },
    contractAmountFen: { type: Number, required: true },
    convertedResults: { type: Number, required: true },
    contractCount: { type: Number, required: true },
    basis: { type: String, enum: COUNTER_BASES, required: true },
    scope: { type: String, enum: COUNTER_SCOPES, required: true },
    updatedBy: { type: Schema.Types.ObjectId, default: null },
    ...outboxField,
  },
  { timestamps: true },
);

export const targetModel = (connection: Connection) => modelOn(connection, 'AnnualTarget', targetSchema);
export type TargetModel = ReturnType<typeof targetModel>;
