import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventPayloads } from '../../src-shared/events/catalogue';
import { PHOTO_EVENT_TYPES } from './sync-service';

describe('the photo upload reads the right event types', () => {
  it('lists exactly the event types whose payload has a photos array', () => {
    const withPhotos = Object.entries(eventPayloads)
      .filter(([, schema]) => schema instanceof z.ZodObject && 'photos' in schema.shape)
      .map(([type]) => type)
      .sort();
    expect(withPhotos.length).toBeGreaterThan(0);
    expect([...PHOTO_EVENT_TYPES].sort()).toEqual(withPhotos);
  });
});
