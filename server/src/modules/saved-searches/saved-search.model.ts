import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';

export interface SavedSearchDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  type: 'achievement' | 'need';
  name: string;
  query: Record<string, unknown>;
  createdAt: Date;
}

const savedSearchSchema = new Schema<SavedSearchDoc>(
  {
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    type: { type: String, enum: ['achievement', 'need'], required: true, index: true },
    name: { type: String, required: true },
    query: { type: Schema.Types.Mixed, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, minimize: false },
);

export const savedSearchModel = (connection: Connection) =>
  modelOn(connection, 'SavedSearch', savedSearchSchema);
export type SavedSearchModel = ReturnType<typeof savedSearchModel>;
