import { describe, expect, it } from 'vitest';
import { memoryLocation } from './location';

describe('unsaved-changes guard', () => {
  it('asks instead of leaving; staying keeps the place, leaving goes where the user wanted', () => {
    const location = memoryLocation('table=a&editTarget=x');
    location.setBlocker('You have unsaved changes.');
    expect(location.navigate('table=a', { replace: true })).toBe(false);
    expect(location.getSearch()).toBe('table=a&editTarget=x');
    expect(location.getLeavePrompt()).toEqual({ message: 'You have unsaved changes.', search: 'table=a', replace: true });

    location.answerLeavePrompt(false);
    expect(location.getLeavePrompt()).toBeUndefined();
    expect(location.getSearch()).toBe('table=a&editTarget=x');

    location.navigate('table=b');
    location.answerLeavePrompt(true);
    expect(location.getLeavePrompt()).toBeUndefined();
    expect(location.getSearch()).toBe('table=b');
    expect(location.history).toEqual(['table=a&editTarget=x', 'table=b']);
  });

  it('goes at once without a blocker or when forced, and forgets the question once the changes are gone', () => {
    const location = memoryLocation('');
    expect(location.navigate('table=a')).toBe(true);
    location.setBlocker('unsaved');
    expect(location.navigate('table=b', { force: true })).toBe(true);
    location.navigate('table=c');
    expect(location.getLeavePrompt()).toBeDefined();
    location.setBlocker(undefined); // e.g. the form was saved meanwhile
    expect(location.getLeavePrompt()).toBeUndefined();
    expect(location.getSearch()).toBe('table=b');
  });
});
