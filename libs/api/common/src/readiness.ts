import { Injectable } from '@nestjs/common';

/** Whether start-up (migrations, seed, first users) has finished. */
@Injectable()
export class Readiness {
  private ready = false;

  markReady(): void {
    this.ready = true;
  }

  markNotReady(): void {
    this.ready = false;
  }

  get isReady(): boolean {
    return this.ready;
  }
}
