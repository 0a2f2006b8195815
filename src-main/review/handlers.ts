import type { Handlers } from '../api/registry';
import type { ReviewService } from './review-service';

type ReviewCall = 'review.queue' | 'review.dashboard';

export function reviewHandlers(service: ReviewService): Handlers<ReviewCall> {
  return {
    'review.queue': (input) => service.queue(input),
    'review.dashboard': (input) => service.dashboard(input),
  };
}
