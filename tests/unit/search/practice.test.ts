import { describe, expect, it } from 'vitest';
import { practiceQuery } from '../../../src/lib/search/practice.ts';

describe('practiceQuery', () => {
  it('knows a query that asks to practise, and searches the rest', () => {
    expect(practiceQuery('practice window functions in sql')).toBe('window functions in sql');
    expect(practiceQuery('Python exercise checking JWT expiry')).toBe('python checking jwt expiry');
    expect(practiceQuery('hands-on practice receiving stripe webhooks')).toBe('receiving stripe webhooks');
    expect(practiceQuery('build a real time project with websockets')).toBe(
      'build a real time project with websockets',
    );
    expect(practiceQuery('test my system design against a traffic spike')).toBe(
      'test my system design against a traffic spike',
    );
    expect(practiceQuery('beginner project ideas for my backend portfolio')).toBeDefined();
  });

  it('leaves a query that asks to read alone', () => {
    for (const query of [
      'how do i test my checkout code without charging a real card',
      'what is a lost update',
      'how to build a rest api in go? ',
      'unit testing',
      'best practices for logging',
    ])
      expect(practiceQuery(query), query).toBeUndefined();
  });
});
