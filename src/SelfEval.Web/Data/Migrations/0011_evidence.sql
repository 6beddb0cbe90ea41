-- What a person bases an answer on ("Woran machen Sie das fest?", issue 16): a short note or a link beside
-- the answer. Nullable, so every answer given before stays exactly as it was; a row may hold a note without
-- an answer (value_json NULL), which reads back as no answer.
ALTER TABLE answers ADD COLUMN evidence TEXT;
