import { CHALLENGE_VISIBILITIES, COUNTIES, NEED_KINDS, type County, type NeedKind } from '@techmatch/shared';
import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';
import { listingFields, type ListingDoc } from '../listings/listing.model.js';

export interface ChallengeDoc {
  bountyFen: number;
  requirements: string[];
  applicationDeadline: string;
  visibility: (typeof CHALLENGE_VISIBILITIES)[number];
  /** The winning application (揭榜成功), once the firm has picked one. */
  awardedApplicationId: Types.ObjectId | null;
  awardedAt: Date | null;
}

export interface NeedDoc extends ListingDoc {
  description: string;
  county: County;
  budgetFen: number | null;
  deadline: string | null;
  kind: NeedKind;
  challenge: ChallengeDoc | null;
}

const challengeSchema = new Schema<ChallengeDoc>(
  {
    bountyFen: { type: Number, required: true },
    requirements: { type: [String], default: [] },
    applicationDeadline: { type: String, required: true },
    visibility: { type: String, enum: CHALLENGE_VISIBILITIES, default: 'public' },
    awardedApplicationId: { type: Schema.Types.ObjectId, default: null },
    awardedAt: { type: Date, default: null },
  },
  { _id: false },
);

const needSchema = new Schema<NeedDoc>(
  {
    ...listingFields,
    description: { type: String, required: true },
    county: { type: String, enum: COUNTIES, required: true },
    budgetFen: { type: Number, default: null },
    deadline: { type: String, default: null },
    kind: { type: String, enum: NEED_KINDS, default: 'general', index: true },
    challenge: { type: challengeSchema, default: null },
  },
  { timestamps: true },
);

export const needModel = (connection: Connection) => modelOn(connection, 'Need', needSchema);
export type NeedModel = ReturnType<typeof needModel>;

/** The day after which a need no longer takes answers: its deadline, or a challenge's application deadline. */
export function lastOpenDay(need: Pick<NeedDoc, 'deadline' | 'challenge'>): string | null {
  return need.deadline ?? need.challenge?.applicationDeadline ?? null;
}
