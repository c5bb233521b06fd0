import { THESAURUS_KINDS, type ThesaurusKind } from '@techmatch/shared';
import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';
import { outboxField, type WithOutbox } from '../../platform/outbox.js';

export interface ThesaurusEntryDoc extends WithOutbox {
  _id: Types.ObjectId;
  kind: ThesaurusKind;
  /** Synonym group, or the one domain term. */
  words: string[];
  /** Expansion: plain-language words… */
  from: string[];
  /** …and the technical words they should also find. */
  to: string[];
  note: string;
  updatedAt: Date;
}

const thesaurusSchema = new Schema<ThesaurusEntryDoc>(
  {
    kind: { type: String, enum: THESAURUS_KINDS, required: true, index: true },
    words: { type: [String], default: [] },
    from: { type: [String], default: [] },
    to: { type: [String], default: [] },
    note: { type: String, default: '' },
    ...outboxField,
  },
  { timestamps: true },
);

export const thesaurusModel = (connection: Connection) =>
  modelOn(connection, 'ThesaurusEntry', thesaurusSchema);
export type ThesaurusModel = ReturnType<typeof thesaurusModel>;
