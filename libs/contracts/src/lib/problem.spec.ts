import { isProblem } from './problem';

describe('isProblem', () => {
  const problem = {
    type: 'urn:sigap:problem:validation.failed',
    title: 'Permintaan tidak valid',
    status: 400,
    code: 'validation.failed',
    errors: [{ path: 'steps[2].time', message: 'tidak dapat dibaca' }],
  };

  it('accepts a problem document, with or without field errors', () => {
    expect(isProblem(problem)).toBeTrue();
    expect(isProblem({ ...problem, errors: undefined })).toBeTrue();
  });

  it('refuses other bodies', () => {
    expect(isProblem(null)).toBeFalse();
    expect(isProblem('Bad Request')).toBeFalse();
    expect(isProblem({ statusCode: 400, message: 'Bad Request' })).toBeFalse();
    expect(isProblem({ ...problem, status: '400' })).toBeFalse();
    expect(isProblem({ ...problem, errors: [{ path: 1, message: 'x' }] })).toBeFalse();
  });
});
