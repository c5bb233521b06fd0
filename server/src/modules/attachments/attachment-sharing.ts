import { isActiveMemberOf, type Actor } from '../../platform/auth/actor.js';
import type { ApplicationDoc, ApplicationModel } from '../applications/application.model.js';
import { sideOf } from '../inquiries/inquiry.access.js';
import type { InquiryDoc, InquiryModel } from '../inquiries/inquiry.model.js';
import type { MessageDoc, MessageModel } from '../inquiries/message.model.js';
import type { AttachmentOwner } from './attachment.model.js';

interface SharingDeps {
  inquiries: InquiryModel;
  messages: MessageModel;
  applications: ApplicationModel;
}

/**
 * Who may download a file that is not public: the participants of the inquiry it was sent in (its owner is the
 * message), and both organisations of the 揭榜 application it belongs to.
 */
export function attachmentSharing({ inquiries, messages, applications }: SharingDeps) {
  return async (owner: AttachmentOwner, actor: Actor): Promise<boolean> => {
    if (owner.type === 'inquiry') {
      const message = await messages.findById(owner.id, { inquiryId: 1 }).lean<MessageDoc>();
      const inquiry = message && (await inquiries.findById(message.inquiryId).lean<InquiryDoc>());
      return !!inquiry && sideOf(inquiry, actor) !== null;
    }
    if (owner.type === 'application') {
      const application = await applications.findById(owner.id).lean<ApplicationDoc>();
      return (
        !!application &&
        [application.applicant, application.challengeOwner].some((party) =>
          isActiveMemberOf(actor, party.organisationId.toHexString()),
        )
      );
    }
    return false;
  };
}
