import { generate } from 'otplib';

const usedSteps = new Map<string, number>();

/**
 * A TOTP code the server has not seen yet. The server refuses a time step already used (replay
 * protection) and accepts one step of drift, so take the next step's code — and when two sign-ins
 * fall into the same 30 s, wait for the step after.
 */
export async function freshTotp(secret: string): Promise<string> {
  for (;;) {
    const step = Math.floor(Date.now() / 30_000) + 1;
    if (step > (usedSteps.get(secret) ?? -1)) {
      usedSteps.set(secret, step);
      return generate({ secret, epoch: step * 30 });
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
