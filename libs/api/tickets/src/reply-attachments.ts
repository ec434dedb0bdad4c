/**
 * Files an agent attaches to a reply travel with the mail. Base64 makes them a third larger on
 * the wire and many receiving servers refuse messages above 20-25 MB, so the files of one reply
 * may total at most this much; the reply is refused when it is written, not when it is sent.
 */
export const REPLY_ATTACHMENTS_MAX_BYTES = 15 * 1024 * 1024;
