// Suggestions for the forms' person fields: as a name is typed (in a box of one name per line, the line at the
// caret), the people whose names start with the typed words are offered as buttons; choosing one puts the full name
// in its place. The server resolves a part of a name on its own when only one person has it; this shows who matches.
'use strict';

const suggestionsLabel = (document.currentScript && document.currentScript.dataset.label) || 'Suggestions';

const lineAt = (field) => {
  if (field.tagName !== 'TEXTAREA') return { start: 0, end: field.value.length };
  const caret = field.selectionStart ?? field.value.length;
  const start = field.value.lastIndexOf('\n', caret - 1) + 1;
  const next = field.value.indexOf('\n', caret);
  return { start, end: next < 0 ? field.value.length : next };
};

const attach = (field) => {
  const list = document.createElement('ul');
  list.className = 'suggestions';
  list.setAttribute('aria-live', 'polite');
  // Named only "Suggestions": a name that repeated the field's label would make the list a second element with that label.
  list.setAttribute('aria-label', suggestionsLabel);
  field.insertAdjacentElement('afterend', list);
  let timer = 0;
  let asked = '';
  const show = (people, range) => {
    list.replaceChildren(...people.map((person) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = person.name;
      button.addEventListener('click', () => {
        field.value = field.value.slice(0, range.start) + person.name + field.value.slice(range.end);
        list.replaceChildren();
        field.focus();
        const end = range.start + person.name.length;
        field.setSelectionRange(end, end);
      });
      item.append(button);
      return item;
    }));
  };
  field.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const range = lineAt(field);
      const typed = field.value.slice(range.start, range.end).trim();
      if (typed.length < 2 || typed === asked) {
        if (typed.length < 2) list.replaceChildren();
        return;
      }
      asked = typed;
      const answer = await fetch(`/api/people/suggestions?q=${encodeURIComponent(typed)}`, { credentials: 'same-origin' });
      if (!answer.ok) return;
      const people = await answer.json();
      show(people.filter((p) => p.name !== typed), range);
    }, 200);
  });
};

document.querySelectorAll('[data-suggest="people"]').forEach(attach);
