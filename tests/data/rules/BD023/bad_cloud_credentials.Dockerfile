FROM amazon/aws-cli:2.15.0
#! BD023
COPY .aws /root/.aws
#! BD023
ADD ["credentials.json", "/app/"]
#! BD023
COPY kubeconfig /root/.kube/config
