greek    = "αβγδ"
cjk      = "日本語のテキスト"
emoji    = "🚀 launch 🎉"
combined = "e\u0301 and é"
rtl      = "שלום"
café     = "identifier with accent"
ключ     = "cyrillic identifier"
labels "ünï" "日本" {
  ok = "✓"
}
