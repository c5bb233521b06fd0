import {
  IP_TYPES,
  MATURITIES,
  TRANSFER_MODES,
  type IpType,
  type Maturity,
  type TransferMode,
} from '@techmatch/shared';
import { Schema, type Connection } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';
import { listingFields, type ListingDoc } from '../listings/listing.model.js';

export interface AchievementDoc extends ListingDoc {
  summary: string;
  team: string;
  maturity: Maturity;
  ipType: IpType;
  patentNumbers: string[];
  transferModes: TransferMode[];
  askingPriceFen: number | null;
}

const achievementSchema = new Schema<AchievementDoc>(
  {
    ...listingFields,
    summary: { type: String, required: true },
    team: { type: String, default: '' },
    maturity: { type: String, enum: MATURITIES, required: true },
    ipType: { type: String, enum: IP_TYPES, required: true },
    patentNumbers: { type: [String], default: [] },
    transferModes: { type: [String], enum: TRANSFER_MODES, default: [] },
    askingPriceFen: { type: Number, default: null },
  },
  { timestamps: true },
);

export const achievementModel = (connection: Connection) =>
  modelOn(connection, 'Achievement', achievementSchema);
export type AchievementModel = ReturnType<typeof achievementModel>;
