import { Schema, type Connection, type Types } from 'mongoose';
import { modelOn } from '../../platform/mongo.js';

/** What an attachment belongs to once used: decides who may download it. */
export interface AttachmentOwner {
  type: 'achievement' | 'need' | 'inquiry' | 'application' | 'contract';
  id: Types.ObjectId;
}

export interface AttachmentDoc {
  _id: Types.ObjectId;
  uploaderId: Types.ObjectId;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  attachedTo: AttachmentOwner | null;
  createdAt: Date;
}

const attachmentSchema = new Schema<AttachmentDoc>(
  {
    uploaderId: { type: Schema.Types.ObjectId, required: true, index: true },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    attachedTo: {
      type: new Schema<AttachmentOwner>(
        { type: { type: String, required: true }, id: { type: Schema.Types.ObjectId, required: true } },
        { _id: false },
      ),
      default: null,
    },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

export const attachmentModel = (connection: Connection) =>
  modelOn(connection, 'Attachment', attachmentSchema);
export type AttachmentModel = ReturnType<typeof attachmentModel>;
