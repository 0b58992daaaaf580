namespace NewsReader.Search.Highlighting;

/// <summary>
/// Martin Porter's stemmer (1980), the algorithm behind FTS5's porter tokenizer. Snippets are cut in C# rather than by
/// FTS5's snippet(), which re-tokenizes every body and was most of a search's time; this keeps the highlighted words
/// the ones the index matched ("running" marks "run").
/// </summary>
public static class Porter
{
    private static readonly System.Buffers.SearchValues<char> LowerAscii = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    public static string Stem(string word)
    {
        if (word.Length < 3 || word.AsSpan().ContainsAnyExcept(LowerAscii))
        {
            return word;
        }

        var w = new Word(word);
        w.Step1a();
        w.Step1b();
        w.Step1c();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return w.ToString();
    }

    private sealed class Word(string text)
    {
        private string _s = text;

        public override string ToString() => _s;

        private bool IsConsonant(int i) => _s[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>The number of vowel-consonant sequences in the first <paramref name="length"/> letters.</summary>
        private int Measure(int length)
        {
            var m = 0;
            var i = 0;
            while (i < length && IsConsonant(i))
            {
                i++;
            }

            while (i < length)
            {
                while (i < length && !IsConsonant(i))
                {
                    i++;
                }

                if (i >= length)
                {
                    break;
                }

                m++;
                while (i < length && IsConsonant(i))
                {
                    i++;
                }
            }

            return m;
        }

        private bool HasVowel(int length)
        {
            for (var i = 0; i < length; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool DoubleConsonant(int length) =>
            length >= 2 && _s[length - 1] == _s[length - 2] && IsConsonant(length - 1);

        /// <summary>Consonant-vowel-consonant at the end, the last not w, x or y ("hop", not "snow").</summary>
        private bool Cvc(int length) =>
            length >= 3 && IsConsonant(length - 3) && !IsConsonant(length - 2) && IsConsonant(length - 1)
            && _s[length - 1] is not ('w' or 'x' or 'y');

        private int StemLength(string suffix) => _s.EndsWith(suffix, StringComparison.Ordinal) ? _s.Length - suffix.Length : -1;

        private void Replace(int stem, string with) => _s = _s[..stem] + with;

        public void Step1a()
        {
            if (_s.EndsWith("sses", StringComparison.Ordinal) || _s.EndsWith("ies", StringComparison.Ordinal))
            {
                _s = _s[..^2];
            }
            else if (_s.EndsWith('s') && !_s.EndsWith("ss", StringComparison.Ordinal))
            {
                _s = _s[..^1];
            }
        }

        public void Step1b()
        {
            int stem;
            if ((stem = StemLength("eed")) >= 0)
            {
                if (Measure(stem) > 0)
                {
                    _s = _s[..^1];
                }

                return;
            }

            if (!(((stem = StemLength("ed")) >= 0 || (stem = StemLength("ing")) >= 0) && HasVowel(stem)))
            {
                return;
            }

            _s = _s[..stem];
            if (_s.EndsWith("at", StringComparison.Ordinal) || _s.EndsWith("bl", StringComparison.Ordinal) || _s.EndsWith("iz", StringComparison.Ordinal))
            {
                _s += "e";
            }
            else if (DoubleConsonant(_s.Length) && _s[^1] is not ('l' or 's' or 'z'))
            {
                _s = _s[..^1];
            }
            else if (Measure(_s.Length) == 1 && Cvc(_s.Length))
            {
                _s += "e";
            }
        }

        public void Step1c()
        {
            if (_s.EndsWith('y') && HasVowel(_s.Length - 1))
            {
                _s = _s[..^1] + "i";
            }
        }

        private static readonly (string Suffix, string With)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
            ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
            ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
            ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
        ];

        private static readonly (string Suffix, string With)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ];

        private static readonly string[] Step4Suffixes =
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti",
            "ous", "ive", "ize",
        ];

        public void Step2() => ApplyLongest(Step2Rules, 0);

        public void Step3() => ApplyLongest(Step3Rules, 0);

        /// <summary>Only the longest matching suffix is considered; when its condition fails, the word stays.</summary>
        private void ApplyLongest((string Suffix, string With)[] rules, int minMeasure)
        {
            var best = -1;
            for (var i = 0; i < rules.Length; i++)
            {
                if (_s.EndsWith(rules[i].Suffix, StringComparison.Ordinal) && (best < 0 || rules[i].Suffix.Length > rules[best].Suffix.Length))
                {
                    best = i;
                }
            }

            if (best >= 0 && Measure(_s.Length - rules[best].Suffix.Length) > minMeasure)
            {
                Replace(_s.Length - rules[best].Suffix.Length, rules[best].With);
            }
        }

        public void Step4()
        {
            string? suffix = null;
            foreach (var candidate in Step4Suffixes)
            {
                if (_s.EndsWith(candidate, StringComparison.Ordinal) && (suffix is null || candidate.Length > suffix.Length))
                {
                    suffix = candidate;
                }
            }

            if (suffix is null)
            {
                return;
            }

            var stem = _s.Length - suffix.Length;
            if (Measure(stem) > 1 && (suffix != "ion" || (stem > 0 && _s[stem - 1] is 's' or 't')))
            {
                _s = _s[..stem];
            }
        }

        public void Step5()
        {
            if (_s.EndsWith('e'))
            {
                var m = Measure(_s.Length - 1);
                if (m > 1 || (m == 1 && !Cvc(_s.Length - 1)))
                {
                    _s = _s[..^1];
                }
            }

            if (_s.EndsWith("ll", StringComparison.Ordinal) && Measure(_s.Length) > 1)
            {
                _s = _s[..^1];
            }
        }
    }
}
