import {
  INQUIRY_SIDES,
  INQUIRY_SYSTEM_EVENTS,
  type InquirySide,
  type InquirySystemEvent,
} from '@techmatch/shared';
import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';
import { attachmentRefSchema, type AttachmentRef } from '../listings/listing.model.js';

/** One line of an inquiry's conversation: a participant's text, or a system line recording what happened. */
export interface MessageDoc {
  _id: Types.ObjectId;
  inquiryId: Types.ObjectId;
  seq: number;
  /** The sender's own id for the message (or the domain event's id for system lines): makes resends harmless. */
  clientId: string;
  kind: 'text' | 'system';
  sender: { userId: Types.ObjectId; name: string; side: InquirySide } | null;
  body: string;
  event: { type: InquirySystemEvent; params: Record<string, string> } | null;
  attachments: AttachmentRef[];
  createdAt: Date;
}

const messageSchema = new Schema<MessageDoc>(
  {
    inquiryId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    clientId: { type: String, required: true },
    kind: { type: String, enum: ['text', 'system'], required: true },
    sender: {
      type: new Schema(
        {
          userId: { type: Schema.Types.ObjectId, required: true },
          name: { type: String, required: true },
          side: { type: String, enum: INQUIRY_SIDES, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    body: { type: String, default: '' },
    event: {
      type: new Schema(
        {
          type: { type: String, enum: INQUIRY_SYSTEM_EVENTS, required: true },
          params: { type: Schema.Types.Mixed, default: {} },
        },
        { _id: false, minimize: false },
      ),
      default: null,
    },
    attachments: { type: [attachmentRefSchema], default: [] },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
messageSchema.index({ inquiryId: 1, seq: 1 }, { unique: true });
messageSchema.index({ inquiryId: 1, clientId: 1 }, { unique: true });

export const messageModel = (connection: Connection) => modelOn(connection, 'InquiryMessage', messageSchema);
export type MessageModel = ReturnType<typeof messageModel>;
