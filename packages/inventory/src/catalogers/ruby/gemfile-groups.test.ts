import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { devOnlyGems } from './gemfile-groups.js';

describe('devOnlyGems', () => {
  it('reads group blocks, group options and nested blocks', () => {
    const gemfile = `
source "https://rubygems.org"
gem "rails", "~> 7.1"
gem "pry", group: :development
gem "rubocop", groups: [:development, :test], require: false
gem "webmock", :group => :test
platforms :mri do
  gem "byebug"
end
group :test do
  gem "capybara"
  platforms :jruby do
    gem "jdbc-sqlite3"
  end
end
group :development, :staging do
  gem "bullet"
end
gem "capybara" if ENV["CI"]
`;
    expect([...devOnlyGems(gemfile)].sort()).toEqual(['jdbc-sqlite3', 'pry', 'rubocop', 'webmock']);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => devOnlyGems(text) instanceof Set));
  });
});
