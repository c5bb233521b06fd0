import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';
import { outboxField, type WithOutbox } from '../../platform/outbox.js';

/** One completed Excel import: what it did, by whom; its event moves the dashboards and the audit log. */
export interface ContractImportDoc extends WithOutbox {
  _id: string;
  filename: string;
  importedBy: Types.ObjectId;
  rows: number;
  created: number;
  unchanged: number;
  amountFen: number;
  years: number[];
  createdAt: Date;
}

const contractImportSchema = new Schema<ContractImportDoc>(
  {
    _id: { type: String, required: true },
    filename: { type: String, required: true },
    importedBy: { type: Schema.Types.ObjectId, required: true },
    rows: { type: Number, required: true },
    created: { type: Number, required: true },
    unchanged: { type: Number, required: true },
    amountFen: { type: Number, required: true },
    years: { type: [Number], default: [] },
    ...outboxField,
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

export const contractImportModel = (connection: Connection) =>
  modelOn(connection, 'ContractImport', contractImportSchema);
export type ContractImportModel = ReturnType<typeof contractImportModel>;
