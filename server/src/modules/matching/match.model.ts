import { Schema, type Connection, type Types } from 'mongoose';
import type { MatchTermSource } from '@techmatch/shared';
import { modelOn } from '../../platform/mongo.js';

export const MATCH_SIDES = ['need', 'achievement'] as const;
export type MatchSide = (typeof MATCH_SIDES)[number];

export interface MatchExplanation {
  terms: { term: string; weight: number; source: MatchTermSource }[];
  sameField: boolean;
}

/** A scored pair need ↔ achievement with why it was ranked, and what each side and the bureau did with it. */
export interface MatchDoc {
  _id: Types.ObjectId;
  needId: Types.ObjectId;
  achievementId: Types.ObjectId;
  needOwnerId: Types.ObjectId;
  achievementOwnerId: Types.ObjectId;
  needOrganisationId: Types.ObjectId;
  achievementOrganisationId: Types.ObjectId;
  field: string;
  county: string | null;
  score: number;
  explanation: MatchExplanation;
  /** Which side's computation found it last (each side searches the other's index). */
  computedFrom: MatchSide;
  computedAt: Date;
  dismissedBy: MatchSide[];
  starredBy: MatchSide[];
  /** Set once both owners were told of a strong match. */
  notifiedAt: Date | null;
  /** Set when bureau staff took the pair in hand as brokers. */
  handledBy: Types.ObjectId | null;
  handledAt: Date | null;
  createdAt: Date;
}

const matchSchema = new Schema<MatchDoc>(
  {
    needId: { type: Schema.Types.ObjectId, required: true },
    achievementId: { type: Schema.Types.ObjectId, required: true },
    needOwnerId: { type: Schema.Types.ObjectId, required: true },
    achievementOwnerId: { type: Schema.Types.ObjectId, required: true },
    needOrganisationId: { type: Schema.Types.ObjectId, required: true, index: true },
    achievementOrganisationId: { type: Schema.Types.ObjectId, required: true, index: true },
    field: { type: String, required: true },
    county: { type: String, default: null },
    score: { type: Number, required: true, index: true },
    explanation: { type: Schema.Types.Mixed, required: true },
    computedFrom: { type: String, enum: MATCH_SIDES, required: true },
    computedAt: { type: Date, required: true },
    dismissedBy: { type: [String], enum: MATCH_SIDES, default: [] },
    starredBy: { type: [String], enum: MATCH_SIDES, default: [] },
    notifiedAt: { type: Date, default: null },
    handledBy: { type: Schema.Types.ObjectId, default: null },
    handledAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, minimize: false },
);
matchSchema.index({ needId: 1, achievementId: 1 }, { unique: true });
matchSchema.index({ achievementId: 1, score: -1 });

export const matchModel = (connection: Connection) => modelOn(connection, 'Match', matchSchema);
export type MatchModel = ReturnType<typeof matchModel>;

/** The last computation of one published listing's matches: when, and by which key terms. */
export interface MatchRunDoc {
  /** `<side>:<listing id>` */
  _id: string;
  keyTerms: string[];
  computedAt: Date;
}

const matchRunSchema = new Schema<MatchRunDoc>({
  _id: { type: String, required: true },
  keyTerms: { type: [String], default: [] },
  computedAt: { type: Date, required: true },
});

export const matchRunModel = (connection: Connection) => modelOn(connection, 'MatchRun', matchRunSchema);
export type MatchRunModel = ReturnType<typeof matchRunModel>;

export function matchRunId(side: MatchSide, listingId: string): string {
  return `${side}:${listingId}`;
}
