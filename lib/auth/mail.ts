import { env } from "@/lib/env";

/** Sends a plain-text mail when SMTP_URL is configured; returns false (and sends nothing) otherwise. */
export async function sendMail(to: string, subject: string, text: string): Promise<boolean> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return false;
  const nodemailer = await import("nodemailer");
  try {
    await nodemailer.createTransport(SMTP_URL).sendMail({ from: MAIL_FROM, to, subject, text });
    return true;
  } catch (error) {
    // An unreachable mail server must not fail the invitation: the link is shown to the inviter anyway.
    console.error("mail: could not send", error);
    return false;
  }
}
