import { ROLES } from '@techmatch/shared';
import { Schema, type Connection, type Types } from 'mongoose';
import type { AuditRecord } from '../../platform/events.js';
import { modelOn } from '../../platform/mongo.js';

/** An audit record as stored: keyed by the id of the event it records, so redelivery cannot duplicate it. */
export interface AuditDoc extends Omit<AuditRecord, 'actorId'> {
  _id: string;
  at: Date;
  actorId: Types.ObjectId | null;
}

const auditSchema = new Schema<AuditDoc>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true, index: true },
    actorId: { type: Schema.Types.ObjectId, default: null, index: true },
    actorName: { type: String, default: null },
    actorRole: { type: String, enum: [...ROLES, null], default: null },
    action: { type: String, required: true, index: true },
    targetType: { type: String, required: true },
    targetId: { type: String, required: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
    reason: { type: String, default: null },
    requestId: { type: String, default: null },
  },
  { minimize: false, versionKey: false },
);
auditSchema.index({ targetType: 1, targetId: 1, at: -1 });

/** The log is append-only: any attempt to change or remove an entry through Mongoose fails loudly. */
const MUTATIONS = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'findOneAndReplace',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const;
for (const operation of MUTATIONS) {
  auditSchema.pre(operation, () => {
    throw new Error(`audit log is append-only: ${operation} refused`);
  });
}

export const auditModel = (connection: Connection) => modelOn(connection, 'AuditEntry', auditSchema);
export type AuditModel = ReturnType<typeof auditModel>;
