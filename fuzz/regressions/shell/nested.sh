x=$(echo "$(cat <<EOF
${a,,}
EOF
)")
bash -c "kubectl get pods | xargs -I{} echo {}"
for i in $(ls); do echo $i; done
case $x in a) ;;& esac
